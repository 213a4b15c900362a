/** Client-side rate limiting: {@link io.github.bsoptions.data.ratelimit.TokenBucket}. */
package io.github.bsoptions.data.ratelimit;
