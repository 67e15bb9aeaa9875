/**
 * The application shell only: layout, navigation built from @Menu annotations, live refresh, shared components such as the uPlot chart. Feature views live in their feature's ui sub-package.
 */
package io.headroom.ui;
