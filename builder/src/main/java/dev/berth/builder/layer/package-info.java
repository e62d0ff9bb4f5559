/** Root filesystems from image layers, and layers from a root filesystem's changes. */
package dev.berth.builder.layer;
