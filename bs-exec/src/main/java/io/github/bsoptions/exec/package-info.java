/** Execution: orders, brokers, routing, algorithms, journal and recovery. */
package io.github.bsoptions.exec;
