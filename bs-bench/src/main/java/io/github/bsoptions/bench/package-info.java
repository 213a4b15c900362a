/** JMH benchmarks and the {@code ./bs bench} runner. */
package io.github.bsoptions.bench;
