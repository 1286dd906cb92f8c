package gatewatch.sensor.lab.scenario.normal;

import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.service.WebServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A generated web site under {@code /site/} of the lab's nginx, shaped like a real one for page
 * loads and crawls: an index that pulls in {@value #MIN_INDEX_ASSETS}-{@value #MAX_INDEX_ASSETS}
 * stylesheets, scripts and images and links to every page, and a few dozen pages, each with the
 * shared stylesheets and scripts, images of its own and links to a few other pages. Image sizes
 * are small (0.3-6.5 KB) so that a run of many page loads stays a few MB of capture.
 *
 * @param files     path (from the web root, no leading slash) to content, index first
 * @param pages     the pages' paths ({@code /site/pN.html}), without the index
 * @param requisite per page (index included, {@code /site/index.html}) the assets it pulls in, in document order
 */
record AssetSite(Map<String, byte[]> files, List<String> pages, Map<String, List<String>> requisite) {
    static final String INDEX = "/site/index.html";
    static final int MIN_INDEX_ASSETS = 50;
    static final int MAX_INDEX_ASSETS = 120;
    static final int MIN_PAGES = 24;
    static final int MAX_PAGES = 36;
    private static final int STYLES = 3;
    private static final int SCRIPTS = 6;

    /** The site of one seed: the same random source state gives the same site. */
    static AssetSite generate(RandomGenerator rnd) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, List<String>> requisite = new LinkedHashMap<>();
        List<String> common = new ArrayList<>();
        for (int i = 1; i <= STYLES; i++) {
            common.add(asset(files, "/site/css/s" + i + ".css", text(rnd, "/* ", " */\nbody { margin: 0; }\n", 200 + rnd.nextInt(1500))));
        }
        for (int i = 1; i <= SCRIPTS; i++) {
            common.add(asset(files, "/site/js/m" + i + ".js", text(rnd, "// ", "\nconsole.log('m" + i + "');\n", 300 + rnd.nextInt(3000))));
        }
        int pageCount = MIN_PAGES + rnd.nextInt(MAX_PAGES - MIN_PAGES + 1);
        int indexImages = MIN_INDEX_ASSETS - common.size() + rnd.nextInt(MAX_INDEX_ASSETS - MIN_INDEX_ASSETS + 1);
        List<String> images = new ArrayList<>();
        for (int i = 0; i < indexImages + pageCount * 6; i++) {
            images.add(asset(files, "/site/img/i" + i + ".png", image(rnd)));
        }
        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= pageCount; p++) {
            pages.add("/site/p" + p + ".html");
        }
        List<String> indexAssets = new ArrayList<>(common);
        indexAssets.addAll(images.subList(0, indexImages));
        requisite.put(INDEX, List.copyOf(indexAssets));
        Map<String, byte[]> html = new LinkedHashMap<>();
        html.put(INDEX, page(rnd, "index", indexAssets, pages));
        for (String page : pages) {
            Set<String> own = new LinkedHashSet<>(common);
            int n = 5 + rnd.nextInt(16);
            for (int i = 0; i < n; i++) {
                own.add(images.get(rnd.nextInt(images.size())));
            }
            List<String> links = new ArrayList<>(List.of(INDEX));
            for (int i = 0, k = 3 + rnd.nextInt(4); i < k; i++) {
                links.add(pages.get(rnd.nextInt(pages.size())));
            }
            requisite.put(page, List.copyOf(own));
            html.put(page, page(rnd, page, List.copyOf(own), links));
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        html.forEach((k, v) -> all.put(k.substring(1), v));
        files.forEach((k, v) -> all.put(k.substring(1), v));
        all.put("robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        return new AssetSite(all, List.copyOf(pages), requisite);
    }

    /** Writes every file under {@code workDir()/www/}, nginx's root. */
    void write(LabRun lab) {
        files.forEach((path, content) -> lab.writeFile("www/" + path, content));
    }

    /** The assets of {@code page} not yet in {@code cache} (a browser's cache), which it then holds. */
    List<String> uncached(String page, Set<String> cache) {
        List<String> out = new ArrayList<>();
        for (String a : requisite.get(page)) {
            if (cache.add(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** How many assets a browser fetches on {@code visits} in turn, each asset once (its cache starts empty). */
    int uncachedCount(List<String> visits) {
        Set<String> cache = new HashSet<>();
        return visits.stream().mapToInt(v -> uncached(v, cache).size()).sum();
    }

    private static String asset(Map<String, byte[]> files, String path, byte[] content) {
        files.put(path, content);
        return path;
    }

    private static byte[] page(RandomGenerator rnd, String title, List<String> assets, List<String> links) {
        StringBuilder sb = new StringBuilder("<!doctype html>\n<html><head><title>").append(title).append("</title>\n");
        List<String> images = new ArrayList<>();
        for (String a : assets) {
            if (a.endsWith(".css")) {
                sb.append("<link rel=\"stylesheet\" href=\"").append(a).append("\">\n");
            } else if (a.endsWith(".js")) {
                sb.append("<script src=\"").append(a).append("\"></script>\n");
            } else {
                images.add(a);
            }
        }
        sb.append("</head><body>\n<nav>\n");
        for (String l : links) {
            sb.append("<a href=\"").append(l).append("\">").append(l).append("</a>\n");
        }
        sb.append("</nav>\n");
        for (String img : images) {
            sb.append("<p>").append(WebServer.words(rnd, 10 + rnd.nextInt(60))).append("</p><img src=\"").append(img).append("\" alt=\"\">\n");
        }
        return sb.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] text(RandomGenerator rnd, String before, String after, int words) {
        return (before + WebServer.words(rnd, words) + after).getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG signature and random bytes: the size and entropy of a small compressed image. */
    private static byte[] image(RandomGenerator rnd) {
        byte[] b = new byte[300 + rnd.nextInt(6200)];
        rnd.nextBytes(b);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, b, 0, signature.length);
        return b;
    }
}
