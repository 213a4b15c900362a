/** Settings shared by the HTTP data clients: retry policy and an injectable time source. */
package io.github.bsoptions.data.http;
