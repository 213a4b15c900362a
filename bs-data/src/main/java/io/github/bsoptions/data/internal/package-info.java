/**
 * Internal HTTP, JSON and timestamp helpers shared by the provider clients; unstable, not exported.
 */
package io.github.bsoptions.data.internal;
