package gatewatch.sensor.http;

import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code kddcup.data} lines: 41 features, optionally followed by a label (and NSL-KDD's
 * difficulty), which are ignored. Blank lines are skipped; a bad line is rejected naming its
 * number (from 1) and the column, as {@link KddCsv#parse} names it.
 */
final class CsvRecords {
    private final int maxRecords;

    CsvRecords(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    List<ScoreRecord> parse(byte[] body) {
        String text = utf8(body);
        List<ScoreRecord> records = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (records.size() == maxRecords) {
                throw RequestRejected.tooManyRecords(maxRecords);
            }
            try {
                records.add(ScoreRecord.of(KddCsv.parse(line.strip()).record()));
            } catch (KddFormatException e) {
                throw RequestRejected.badRequest("line " + lineNumber + ": " + e.getMessage());
            }
        }
        return records;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw RequestRejected.badRequest("the body is not UTF-8 text");
        }
    }
}
