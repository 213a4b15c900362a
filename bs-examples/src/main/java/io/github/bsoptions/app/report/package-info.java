/**
 * Run reports: the console progress bar, the text report, and the output folder with an HTML report
 * (Chart.js copied next to it, no network) and PNG charts drawn with Java2D.
 */
package io.github.bsoptions.app.report;
