/** Order values (requests, legs, fills) and the order state machine. */
package io.github.bsoptions.exec.order;
