/** JSON reading and writing for the whole project, behind one type that owns the Jackson configuration. */
package dev.berth.core.json;
