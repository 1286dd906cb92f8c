package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SSH connections built in the test, through the decoder, tracker and inspector: the clear-text
 * version and key exchange framed as RFC 4253 has them, then encrypted messages of the sizes
 * OpenSSH gives them under chacha20-poly1305 (4-byte length, payload padded to 8, 16-byte tag):
 * SERVICE_REQUEST and SERVICE_ACCEPT 44, a "none" request 68, a password request 84,
 * USERAUTH_FAILURE ("publickey,password") 52, USERAUTH_SUCCESS 28, DISCONNECT 76.
 */
class SshDialogueTest {
    private static final int SERVICE = 44;
    private static final int NONE = 68;
    private static final int PASSWORD = 84;
    private static final int FAILURE = 52;
    private static final int SUCCESS = 28;
    private static final int DISCONNECT = 76;

    private final ContentHarness h = new ContentHarness();
    private final Random random = new Random(7);

    /** A clear-text binary packet: length, padding length, message code, payload, padding to 8. */
    private static byte[] packet(int code, int payloadLength) {
        int unpadded = 4 + 1 + 1 + payloadLength;
        int padding = 8 - unpadded % 8;
        if (padding < 4) {
            padding += 8;
        }
        int length = 1 + 1 + payloadLength + padding;
        byte[] p = new byte[4 + length];
        p[0] = (byte) (length >>> 24);
        p[1] = (byte) (length >>> 16);
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        p[4] = (byte) padding;
        p[5] = (byte) code;
        return p;
    }

    private byte[] encrypted(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Version exchange and key exchange up to both NEWKEYS, the server's EXT_INFO, then
     * SERVICE_REQUEST / SERVICE_ACCEPT. The server's key exchange reply spans two segments, and the
     * client's NEWKEYS travels with its first encrypted message, as OpenSSH sends them.
     */
    private ContentHarness.Session handshake(ContentHarness.Session s) {
        byte[] serverReply = concat(packet(31, 1200), packet(21, 0));
        return s.open()
                .client("SSH-2.0-OpenSSH_9.6p1 Debian-3\r\n")
                .server("SSH-2.0-OpenSSH_9.6p1 Debian-3\r\n")
                .client(packet(20, 1400))
                .server(packet(20, 1050))
                .client(packet(30, 1216))
                .server(Arrays.copyOfRange(serverReply, 0, 1000))
                .server(concat(Arrays.copyOfRange(serverReply, 1000, serverReply.length), encrypted(116)))
                .client(concat(packet(21, 0), encrypted(SERVICE)))
                .server(encrypted(SERVICE));
    }

    /** Encrypted requests and answers of the given sizes (request, answer, request, answer...), then the close. */
    private String exchange(ContentHarness.Session s, int... sizes) {
        for (int i = 0; i < sizes.length; i += 2) {
            s.client(encrypted(sizes[i])).server(encrypted(sizes[i + 1]));
        }
        s.close();
        return h.only().content();
    }

    @Test
    void twoFailedPasswordsThenClosedAreTwoFailedLogins() {
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, NONE, FAILURE, PASSWORD, FAILURE, PASSWORD, FAILURE)).isEqualTo("num_failed_logins=2");
        assertThat(h.inspector.counters().connectionsUnrecognised).isZero();
    }

    @Test
    void successfulPasswordLoginIsLoggedInWithNoFailure() {
        ContentHarness.Session s = handshake(h.session(22));
        // The session: channel messages, some of the failure's size, are not authentication.
        assertThat(exchange(s, NONE, FAILURE, PASSWORD + 64, SUCCESS, 112, FAILURE, 52, 52)).isEqualTo("logged_in=1");
    }

    @Test
    void mistypedPasswordThenSuccessIsOneFailure() {
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, NONE, FAILURE, PASSWORD, FAILURE, PASSWORD, SUCCESS))
                .isEqualTo("num_failed_logins=1 logged_in=1");
    }

    @Test
    void publicKeyLoginIsLoggedIn() {
        // none, a key query answered by PK_OK (100), the signed request answered by success.
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, NONE, FAILURE, 140, 100, 308, SUCCESS)).isEqualTo("logged_in=1");
    }

    @Test
    void refusedRsaKeysAreNoFailedLogins() {
        // none, two RSA keys offered and refused (a 2,048-bit key's query is about 400 bytes on the
        // wire), then a mistyped password and the right one: one failed login, not three.
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, NONE, FAILURE, 404, FAILURE, 532, FAILURE, PASSWORD, FAILURE, PASSWORD, SUCCESS))
                .isEqualTo("num_failed_logins=1 logged_in=1");
    }

    @Test
    void clientWithoutNoneProbeStoppedByMaxAuthTriesHasThreeFailures() {
        // ncrack: three passwords without a "none" probe; the third answered by DISCONNECT.
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, 148, FAILURE, 148, FAILURE, 148, DISCONNECT)).isEqualTo("num_failed_logins=3");
    }

    @Test
    void noneProbeBeforeEachPasswordIsNotCounted() {
        // libssh2 (medusa): "none" again before each password; sshd's limit of 3 ends with DISCONNECT.
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, NONE, FAILURE, PASSWORD, FAILURE, NONE, FAILURE, PASSWORD, DISCONNECT))
                .isEqualTo("num_failed_logins=2");
    }

    @Test
    void lonelyNoneProbeIsNoFailedLogin() {
        // hydra's first connection only asks which methods the server offers.
        ContentHarness.Session s = handshake(h.session(22));
        assertThat(exchange(s, NONE, FAILURE)).isEmpty();
        assertThat(h.inspector.counters().connectionsInspected).isEqualTo(1);
        assertThat(h.inspector.counters().connectionsUnrecognised).isZero();
    }

    @Test
    void clearTextOnPort22IsUnrecognised() {
        h.session(22).open().client("GET / HTTP/1.0\r\n\r\n").server("HTTP/1.0 200 OK\r\n\r\nhello").close();
        assertThat(h.only().content()).isEmpty();
        assertThat(h.inspector.counters().connectionsUnrecognised).isEqualTo(1);
    }

    @Test
    void garbageIsUnrecognised() {
        h.session(22).open().client(encrypted(600)).server(encrypted(300)).client(encrypted(50)).close();
        assertThat(h.only().content()).isEmpty();
        assertThat(h.inspector.counters().connectionsUnrecognised).isEqualTo(1);
    }

    @Test
    void garbageAfterTheBannerIsUnrecognised() {
        byte[] badLength = {0x7f, 0, 0, 0, 4, 20, 1, 2, 3};
        ContentHarness.Session s = h.session(22).open()
                .client("SSH-2.0-x\r\n").server("SSH-2.0-y\r\n").client(badLength);
        // Whatever follows, sizes included, is not read.
        assertThat(exchange(s, NONE, FAILURE, PASSWORD, FAILURE, PASSWORD, FAILURE)).isEmpty();
        assertThat(h.inspector.counters().connectionsUnrecognised).isEqualTo(1);
    }

    @Test
    void connectionCutInsideTheIdentificationIsUnrecognised() {
        h.session(22).open().client("SSH-2.").close();
        assertThat(h.only().content()).isEmpty();
        assertThat(h.inspector.counters().connectionsUnrecognised).isEqualTo(1);
    }

    @Test
    void connectionCutInsideTheKeyExchangeHasNoFeatures() {
        byte[] kexinit = packet(20, 1400);
        h.session(22).open().client("SSH-2.0-x\r\n").server("SSH-2.0-y\r\n")
                .client(Arrays.copyOf(kexinit, 700)).close();
        assertThat(h.only().content()).isEmpty();
        // SSH by its identification, only cut short: inspected, not unrecognised.
        assertThat(h.inspector.counters().connectionsInspected).isEqualTo(1);
        assertThat(h.inspector.counters().connectionsUnrecognised).isZero();
    }

    @Test
    void serverLinesBeforeItsIdentificationAreAllowed() {
        // RFC 4253 4.2: the server may send other lines first.
        ContentHarness.Session s = h.session(22).open()
                .client("SSH-2.0-x\r\n")
                .server("Welcome to the gateway\r\nSSH-2.0-y\r\n")
                .client(concat(packet(20, 300), packet(21, 0), encrypted(SERVICE)))
                .server(concat(packet(20, 300), packet(21, 0)))
                .server(encrypted(SERVICE));
        assertThat(exchange(s, NONE, FAILURE, PASSWORD, FAILURE, PASSWORD, SUCCESS))
                .isEqualTo("num_failed_logins=1 logged_in=1");
    }

    @Test
    void ssh1IsReadNoFurther() {
        ContentHarness.Session s = h.session(22).open().client("SSH-1.5-x\n").server("SSH-1.99-y\n");
        assertThat(exchange(s, 100, FAILURE, 100, FAILURE, 100, FAILURE)).isEmpty();
        assertThat(h.inspector.counters().connectionsInspected).isEqualTo(1);
        assertThat(h.inspector.counters().connectionsUnrecognised).isZero();
    }

    @Test
    void sshIsReadOnPort22Only() {
        ContentHarness.Session other = handshake(h.session(2222));
        ContentHarness.Session ssh = handshake(h.session(22));
        for (ContentHarness.Session s : new ContentHarness.Session[] {other, ssh}) {
            int[] sizes = {NONE, FAILURE, PASSWORD, FAILURE, PASSWORD, FAILURE};
            for (int i = 0; i < sizes.length; i += 2) {
                s.client(encrypted(sizes[i])).server(encrypted(sizes[i + 1]));
            }
            s.close();
        }
        assertThat(h.flush()).extracting(f -> f.conn().respPort() + " " + f.content())
                .containsExactlyInAnyOrder("2222 ", "22 num_failed_logins=2");
        assertThat(h.inspector.counters().connectionsInspected).isEqualTo(1);
    }
}
