/* Calls one system call by name with numeric arguments and prints "ok" or strerror(errno): a static binary the
 * sandbox contract copies into a busybox rootfs to see which calls the seccomp filter denies. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long number(const char *name) {
    if (!strcmp(name, "keyctl")) return SYS_keyctl;
    if (!strcmp(name, "add_key")) return SYS_add_key;
    if (!strcmp(name, "ptrace")) return SYS_ptrace;
    if (!strcmp(name, "clone3")) return SYS_clone3;
    if (!strcmp(name, "unshare")) return SYS_unshare;
    if (!strcmp(name, "setns")) return SYS_setns;
    if (!strcmp(name, "perf_event_open")) return SYS_perf_event_open;
    if (!strcmp(name, "userfaultfd")) return SYS_userfaultfd;
    return -1;
}

int main(int argc, char **argv) {
    long args[6] = {0};
    for (int i = 2; i < argc && i < 8; i++) args[i - 2] = strtol(argv[i], 0, 0);
    long nr = number(argv[1]);
    if (nr < 0) { fprintf(stderr, "unknown call %s\n", argv[1]); return 2; }
    long result = syscall(nr, args[0], args[1], args[2], args[3], args[4], args[5]);
    printf("%s\n", result < 0 ? strerror(errno) : "ok");
    return 0;
}
