package gatewatch.features.content;

/** What a matched rule adds to a connection's content features. */
enum Effect {
    /** {@code hot}: one more "hot" indicator. */
    HOT,
    /** {@code num_failed_logins}: one more failed login. */
    FAILED_LOGIN,
    /** {@code logged_in}: the login (or the application session) succeeded. */
    LOGGED_IN,
    /** {@code num_compromised}: one more "compromised" condition. */
    COMPROMISED,
    /** {@code root_shell}: a root shell was obtained. */
    ROOT_SHELL,
    /** {@code su_attempted}: one more {@code su} command (capped at 2, as in the data). */
    SU_ATTEMPT,
    /** {@code num_file_creations}: one more file creation. */
    FILE_CREATION,
    /** {@code num_shells}: one more shell started. */
    SHELL,
    /** {@code num_access_files}: one more operation on an access control file. */
    ACCESS_FILE
}
