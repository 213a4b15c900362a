/** Picocli subcommands of {@code bs}. */
package io.github.bsoptions.app.cli;
