package gatewatch.features.content;

import gatewatch.features.kdd.KddFeature;

/** The 13 content features of one connection, as they accumulate. Reused from connection to connection. */
final class ContentFeatures {
    /** Highest {@code su_attempted} in the KDD data (0, 1 or 2 in every file). */
    static final int MAX_SU_ATTEMPTS = 2;

    int hot;
    int failedLogins;
    boolean loggedIn;
    int compromised;
    boolean rootShell;
    int suAttempts;
    int rootCommands;
    int fileCreations;
    int shells;
    int accessFiles;
    boolean hostLogin;
    boolean guestLogin;

    void reset() {
        hot = 0;
        failedLogins = 0;
        loggedIn = false;
        compromised = 0;
        rootShell = false;
        suAttempts = 0;
        rootCommands = 0;
        fileCreations = 0;
        shells = 0;
        accessFiles = 0;
        hostLogin = false;
        guestLogin = false;
    }

    void add(Effect e) {
        switch (e) {
            case HOT -> hot++;
            case FAILED_LOGIN -> failedLogins++;
            case LOGGED_IN -> loggedIn = true;
            case COMPROMISED -> compromised++;
            case ROOT_SHELL -> rootShell = true;
            case SU_ATTEMPT -> suAttempts = Math.min(MAX_SU_ATTEMPTS, suAttempts + 1);
            case FILE_CREATION -> fileCreations++;
            case SHELL -> shells++;
            case ACCESS_FILE -> accessFiles++;
        }
    }

    /** Adds every effect whose bit is set in {@code mask} (bit = {@link Effect#ordinal()}). */
    void addAll(int mask) {
        for (Effect e : Effect.values()) {
            if ((mask & (1 << e.ordinal())) != 0) {
                add(e);
            }
        }
    }

    /** Writes columns 10-22 of {@code v}. {@code num_outbound_cmds} is always 0 (see docs/FEATURES.md). */
    void writeTo(double[] v) {
        v[KddFeature.HOT.ordinal()] = hot;
        v[KddFeature.NUM_FAILED_LOGINS.ordinal()] = failedLogins;
        v[KddFeature.LOGGED_IN.ordinal()] = loggedIn ? 1 : 0;
        v[KddFeature.NUM_COMPROMISED.ordinal()] = compromised;
        v[KddFeature.ROOT_SHELL.ordinal()] = rootShell ? 1 : 0;
        v[KddFeature.SU_ATTEMPTED.ordinal()] = suAttempts;
        v[KddFeature.NUM_ROOT.ordinal()] = rootCommands;
        v[KddFeature.NUM_FILE_CREATIONS.ordinal()] = fileCreations;
        v[KddFeature.NUM_SHELLS.ordinal()] = shells;
        v[KddFeature.NUM_ACCESS_FILES.ordinal()] = accessFiles;
        v[KddFeature.NUM_OUTBOUND_CMDS.ordinal()] = 0;
        v[KddFeature.IS_HOST_LOGIN.ordinal()] = hostLogin ? 1 : 0;
        v[KddFeature.IS_GUEST_LOGIN.ordinal()] = guestLogin ? 1 : 0;
    }

    /** Zeros in columns 10-22: service not inspected, not TCP, or not clear text. */
    static void writeZeros(double[] v) {
        for (int i = KddFeature.HOT.ordinal(); i <= KddFeature.IS_GUEST_LOGIN.ordinal(); i++) {
            v[i] = 0;
        }
    }
}
