/** The filesystem blob store, the embedded default: content-addressed files, atomic rename, fsync. */
package dev.berth.storage.fs;
