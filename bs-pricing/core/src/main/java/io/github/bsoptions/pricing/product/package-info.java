/** Product descriptions: option type and exercise style (immutable values, no pricing logic). */
package io.github.bsoptions.pricing.product;
