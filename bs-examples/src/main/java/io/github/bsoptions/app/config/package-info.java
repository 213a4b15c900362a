/**
 * Application configuration: a YAML file with environment variables overriding its keys; secrets
 * only from the environment. See {@link io.github.bsoptions.app.config.ConfigKey} for the keys.
 */
package io.github.bsoptions.app.config;
