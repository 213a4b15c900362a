/** Typed market-data errors. */
package io.github.bsoptions.data.error;
