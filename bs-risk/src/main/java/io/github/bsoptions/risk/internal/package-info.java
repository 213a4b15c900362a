/** Implementation details of bs-risk (not exported; unstable). */
package io.github.bsoptions.risk.internal;
