package dev.berth.builder.layer;

/** Linux device numbers ({@code st_rdev}) split and joined as glibc's {@code major}, {@code minor}, {@code makedev}. */
final class DeviceNumbers {
    private DeviceNumbers() {}

    static int major(long rdev) {
        return (int) (((rdev >>> 8) & 0xfffL) | ((rdev >>> 32) & ~0xfffL));
    }

    static int minor(long rdev) {
        return (int) ((rdev & 0xffL) | ((rdev >>> 12) & ~0xffL));
    }

    static long makedev(int major, int minor) {
        long ma = major & 0xffffffffL;
        long mi = minor & 0xffffffffL;
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }
}
