package gatewatch.sensor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.features.kdd.KddFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KDD rows for the scoring API tests, as kddcup.data lines and as the JSON objects the API takes. */
final class Rows {
    static final String NORMAL = "0,tcp,http,SF,181,5450,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,8,8,0.00,0.00,0.00,0.00,"
            + "1.00,0.00,0.00,9,9,1.00,0.00,0.11,0.00,0.00,0.00,0.00,0.00";
    static final String NEPTUNE = "0,tcp,private,S0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,123,6,1.00,1.00,0.00,0.00,"
            + "0.05,0.07,0.00,255,26,0.10,0.05,0.00,0.00,1.00,1.00,0.00,0.00";
    static final String SMURF = "0,icmp,ecr_i,SF,1032,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,511,511,0.00,0.00,0.00,0.00,"
            + "1.00,0.00,0.00,255,255,1.00,0.00,1.00,0.00,0.00,0.00,0.00,0.00";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Rows() {
    }

    /** One row as a map of the 41 names to a string (symbolic) or a number. */
    static Map<String, Object> object(String csvLine) {
        String[] f = csvLine.split(",");
        Map<String, Object> m = new LinkedHashMap<>();
        for (KddFeature feature : KddFeature.values()) {
            String v = f[feature.ordinal()];
            m.put(feature.kddName(), feature.isSymbolic() ? v : new BigDecimal(v));
        }
        return m;
    }

    static String json(List<Map<String, Object>> objects) {
        try {
            return MAPPER.writeValueAsString(objects);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(String... csvLines) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : csvLines) {
            objects.add(object(line));
        }
        return json(objects);
    }
}
