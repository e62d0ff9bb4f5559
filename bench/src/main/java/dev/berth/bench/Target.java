package dev.berth.bench;

import java.net.URI;

/**
 * A registry under test.
 *
 * @param name what the table calls it
 * @param base its root URL, {@code http://127.0.0.1:PORT}
 * @param pid its process, for memory sampling
 * @param jvm whether the process is a JVM whose heap can be read with jstat
 * @param baseline whether it is the server compared against: where it departs from the spec in a way that does not
 *     change the work measured (Distribution 2.8 lists tags unsorted), that is noted rather than failed
 */
record Target(String name, URI base, long pid, boolean jvm, boolean baseline) {}
