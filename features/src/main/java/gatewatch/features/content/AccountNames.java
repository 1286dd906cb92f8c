package gatewatch.features.content;

import java.util.Locale;
import java.util.Set;

/**
 * Which login names make {@code is_host_login} and {@code is_guest_login}.
 *
 * <p>KDD: {@code is_host_login} "1 if the login belongs to the 'hot' list"; {@code is_guest_login}
 * "1 if the login is a 'guest' login". The lists are Bro's, the system the KDD features were
 * built on: {@code hot_ids} of {@code hot-ids.bro} (plus {@code admin}, {@code administrator}) and
 * {@code ftp_guest_ids} of {@code ftp.bro} (RFC 1635 anonymous FTP).
 */
final class AccountNames {
    static final Set<String> HOT = Set.of(
            "root", "toor", "admin", "administrator", "system", "sysadm", "operator", "adm", "bin",
            "sys", "smtp", "uucp", "diag", "sysdiag", "sundiag", "sync", "tutor", "tour", "field",
            "issadmin");

    static final Set<String> GUEST = Set.of("anonymous", "ftp", "guest");

    private AccountNames() {
    }

    /** The name as the lists spell it: lower case, without surrounding quotes or spaces. */
    static String normalise(CharSequence raw) {
        String s = raw.toString().strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean isHot(String user) {
        return user != null && HOT.contains(user);
    }

    static boolean isGuest(String user) {
        return user != null && GUEST.contains(user);
    }

    /**
     * Marks a successful login as {@code user}. A login on the hot list is also a hot indicator
     * (Bro login.bro: {@code ++c$hot} for a hot id; every KDD row with is_host_login = 1 has hot >= 1).
     */
    static void successfulLogin(String user, ContentFeatures f) {
        f.add(Effect.LOGGED_IN);
        if (isHot(user)) {
            f.hostLogin = true;
            f.add(Effect.HOT);
        }
        if (isGuest(user)) {
            f.guestLogin = true;
        }
    }
}
