/** The bs-options reference application: the {@code bs} command line and its wiring. */
package io.github.bsoptions.app;
