package gatewatch.sensor.daemon;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Leaves root for an unprivileged user once the daemon holds what needs root: the capture
 * handle, the log files and the metrics port. glibc applies setuid and setgid to every thread of
 * the process, so the JVM's threads change with the caller.
 *
 * <p>After {@link #dropTo} the process has the user's uid and gid (real, effective, saved), the
 * user's supplementary groups and no capability (a uid change from 0 clears the permitted,
 * effective and ambient sets of every thread). Nothing is kept, CAP_NET_RAW included: the capture handle stays open for the life of the process and is never reopened;
 * SIGHUP reopens only the logs, which is why they are handed to the user first
 * ({@link #handOver}) and their directories must be writable by the user.
 *
 * <p>no_new_privs is not set: it is a per-thread flag, and the JVM's other threads, the first one
 * included, would keep exec-ing set-user-ID programs possible; the daemon execs nothing.
 *
 * <p>libc is called through FFM ({@code getpwnam}, {@code initgroups}, {@code setgid},
 * {@code setuid}); Linux x86-64 and aarch64 with glibc, as the rest of the sensor.
 */
public final class PrivilegeDrop {
    /** glibc's struct passwd: pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell. */
    private static final StructLayout PASSWD = java.lang.foreign.MemoryLayout.structLayout(ADDRESS.withName("pw_name"),
            ADDRESS.withName("pw_passwd"), JAVA_INT.withName("pw_uid"), JAVA_INT.withName("pw_gid"),
            ADDRESS.withName("pw_gecos"), ADDRESS.withName("pw_dir"), ADDRESS.withName("pw_shell"));
    private static final VarHandle PW_UID = PASSWD.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("pw_uid"));
    private static final VarHandle PW_GID = PASSWD.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("pw_gid"));

    private final MethodHandle getpwnam;
    private final MethodHandle initgroups;
    private final MethodHandle setgid;
    private final MethodHandle setuid;
    private final MethodHandle getuid;
    private final MethodHandle geteuid;
    private final MethodHandle getgid;
    private final MethodHandle getegid;

    /** A user to become: its name, uid and primary gid. */
    public record Account(String name, int uid, int gid) {
    }

    public PrivilegeDrop() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        getpwnam = linker.downcallHandle(find(libc, "getpwnam"), FunctionDescriptor.of(ADDRESS, ADDRESS));
        initgroups = linker.downcallHandle(find(libc, "initgroups"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setgid = linker.downcallHandle(find(libc, "setgid"), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        setuid = linker.downcallHandle(find(libc, "setuid"), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        getuid = linker.downcallHandle(find(libc, "getuid"), FunctionDescriptor.of(JAVA_INT));
        geteuid = linker.downcallHandle(find(libc, "geteuid"), FunctionDescriptor.of(JAVA_INT));
        getgid = linker.downcallHandle(find(libc, "getgid"), FunctionDescriptor.of(JAVA_INT));
        getegid = linker.downcallHandle(find(libc, "getegid"), FunctionDescriptor.of(JAVA_INT));
    }

    private static MemorySegment find(SymbolLookup libc, String name) {
        return libc.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }

    /** The user named {@code name} from the system's user database (NSS), or empty. */
    public Optional<Account> lookup(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pw = (MemorySegment) getpwnam.invokeExact(arena.allocateFrom(name));
            if (pw.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            MemorySegment s = pw.reinterpret(PASSWD.byteSize());
            return Optional.of(new Account(name, (int) PW_UID.get(s, 0L), (int) PW_GID.get(s, 0L)));
        } catch (Throwable t) {
            throw new IllegalStateException("getpwnam(" + name + "): " + t.getMessage(), t);
        }
    }

    public int uid() {
        return call(getuid);
    }

    public int euid() {
        return call(geteuid);
    }

    /**
     * Gives the log files {@code logs} (those that exist and belong to root: the daemon just made
     * them) to {@code to}, so that the logs the daemon reopens after SIGHUP or rotates stay its own.
     */
    public void handOver(List<Path> logs, Account to) throws IOException {
        for (Path p : logs) {
            if (Files.exists(p) && ((Number) Files.getAttribute(p, "unix:uid")).intValue() == 0) {
                Files.setAttribute(p, "unix:gid", to.gid());
                Files.setAttribute(p, "unix:uid", to.uid());
            }
        }
    }

    /**
     * Becomes {@code to} for good and proves it: real and effective uid and gid are the user's,
     * setuid(0) fails, no capability is left in any thread. Throws {@link IllegalStateException}
     * naming the step that failed; the caller must then exit, not go on as root.
     */
    public void dropTo(Account to) {
        try (Arena arena = Arena.ofConfined()) {
            check((int) initgroups.invokeExact(arena.allocateFrom(to.name()), to.gid()) == 0, "initgroups(" + to.name() + ")");
            check((int) setgid.invokeExact(to.gid()) == 0, "setgid(" + to.gid() + ")");
            check((int) setuid.invokeExact(to.uid()) == 0, "setuid(" + to.uid() + ")");
            check(call(getuid) == to.uid() && call(geteuid) == to.uid(), "uid is not " + to.uid() + " after setuid");
            check(call(getgid) == to.gid() && call(getegid) == to.gid(), "gid is not " + to.gid() + " after setgid");
            check((int) setuid.invokeExact(0) != 0, "setuid(0) still succeeds");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("dropping to " + to.name() + ": " + t.getMessage(), t);
        }
        checkEveryThread(to);
    }

    /** /proc/self/task/TID/status of every thread: the user's uid, no capability. */
    private static void checkEveryThread(Account to) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                List<String> status;
                try {
                    status = Files.readAllLines(task.resolve("status"));
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // the thread ended meanwhile
                }
                for (String line : status) {
                    String[] f = line.split("\\s+");
                    switch (f[0]) {
                        case "Uid:" -> check(Stream.of(f).skip(1).allMatch(v -> v.equals(Integer.toString(to.uid()))),
                                "thread " + task.getFileName() + " has " + line);
                        case "CapPrm:", "CapEff:", "CapAmb:" -> check(Long.parseLong(f[1], 16) == 0,
                                "thread " + task.getFileName() + " keeps capabilities: " + line);
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/task to check the drop: " + e.getMessage(), e);
        }
    }

    private static int call(MethodHandle h) {
        try {
            return (int) h.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("privilege drop failed: " + what);
        }
    }
}
