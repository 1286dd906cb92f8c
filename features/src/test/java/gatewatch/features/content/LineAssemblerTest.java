package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private static List<String> collect(LineAssembler a) {
        List<String> lines = new ArrayList<>();
        a.start((fromClient, line) -> lines.add(line + (line.truncated() ? "<truncated>" : "")));
        return lines;
    }

    @Test
    void chunkedDataGivesTheLinesThatByteByByteDoes() {
        Random r = new Random(9);
        byte[] special = {'\r', '\n', 0, 0x08, 0x7f, '\t', 0x1b, (byte) 0xff};
        for (int round = 0; round < 300; round++) {
            byte[] stream = new byte[r.nextInt(5_000)];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = r.nextInt(8) == 0 ? special[r.nextInt(special.length)] : (byte) (' ' + r.nextInt(95));
            }
            LineAssembler one = new LineAssembler(true, 64);
            LineAssembler chunked = new LineAssembler(true, 64);
            List<String> expected = collect(one);
            List<String> actual = collect(chunked);
            for (byte b : stream) {
                one.accept(b);
            }
            for (int i = 0; i < stream.length;) {
                int n = Math.min(stream.length - i, 1 + r.nextInt(300));
                chunked.data(stream, i, n);
                i += n;
            }
            assertThat(actual).as("round %d", round).isEqualTo(expected);
            assertThat(chunked.pending().toString()).isEqualTo(one.pending().toString());
            assertThat(chunked.pending().truncated()).isEqualTo(one.pending().truncated());
            assertThat(chunked.isBinary()).isEqualTo(one.isBinary());
        }
    }
}
