package gatewatch.sensor.lab.scenario.normal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** normal-web-assets without root: the generated site, the browsers' scripts and the crawlers' command lines. */
class NormalWebAssetsTest {
    private static final Pattern REF = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final String BASE = "http://10.77.2.2";

    @Test
    void theIndexPullsInFiftyToAHundredAndTwentyAssetsAndEveryReferenceExists() {
        for (long seed = 1; seed <= 20; seed++) {
            AssetSite site = AssetSite.generate(new SplittableRandom(seed));
            assertThat(site.requisite().get(AssetSite.INDEX)).as("seed " + seed)
                    .hasSizeBetween(AssetSite.MIN_INDEX_ASSETS, AssetSite.MAX_INDEX_ASSETS).doesNotHaveDuplicates();
            assertThat(site.pages()).hasSizeBetween(AssetSite.MIN_PAGES, AssetSite.MAX_PAGES);
            for (String page : site.requisite().keySet()) {
                String html = new String(site.files().get(page.substring(1)), StandardCharsets.UTF_8);
                List<String> refs = refs(html);
                assertThat(refs).as(page).containsAll(site.requisite().get(page));
                for (String ref : refs) {
                    assertThat(site.files()).as(page + " refers to " + ref).containsKey(ref.substring(1));
                }
            }
            assertThat(refs(new String(site.files().get(AssetSite.INDEX.substring(1)), StandardCharsets.UTF_8)))
                    .containsAll(site.pages());
        }
    }

    @Test
    void theSiteDependsOnlyOnTheSeedAndStaysSmall() {
        AssetSite a = AssetSite.generate(new SplittableRandom(3));
        AssetSite b = AssetSite.generate(new SplittableRandom(3));
        assertThat(a.requisite()).isEqualTo(b.requisite());
        assertThat(a.files().keySet()).isEqualTo(b.files().keySet());
        assertThat(a.files().get("site/img/i0.png")).isEqualTo(b.files().get("site/img/i0.png"));
        assertThat(AssetSite.generate(new SplittableRandom(4)).requisite()).isNotEqualTo(a.requisite());
        long bytes = a.files().values().stream().mapToLong(c -> c.length).sum();
        assertThat(bytes).isLessThan(2_000_000);
    }

    @Test
    void aBrowserFetchesEachPageThenOnlyItsUncachedAssetsOverSixConnectionsThenPauses() {
        AssetSite site = AssetSite.generate(new SplittableRandom(5));
        List<String> visits = List.of(AssetSite.INDEX, site.pages().get(0), site.pages().get(1));
        String sh = NormalWebAssets.browser("curl", "10.77.1.10", BASE, false, site, visits, List.of(1500L, 2250L)).get(2);
        List<String> lines = sh.lines().toList();
        assertThat(lines.getFirst()).contains("--interface 10.77.1.10", "--http1.1").endsWith(BASE + AssetSite.INDEX);
        assertThat(lines.get(1)).contains("--parallel --parallel-max 6");
        assertThat(lines).contains("sleep 1.500", "sleep 2.250");
        List<String> fetched = new ArrayList<>();
        for (String l : lines) {
            if (l.contains("--parallel")) {
                for (String w : l.split(" ")) {
                    if (w.startsWith(BASE)) {
                        fetched.add(w.substring(BASE.length()));
                    }
                }
            }
        }
        assertThat(fetched).doesNotHaveDuplicates().containsAll(site.requisite().get(AssetSite.INDEX))
                .hasSize(site.uncachedCount(visits));
        assertThat(NormalWebAssets.browser("curl", "10.77.1.10", BASE, true, site, visits, List.of(1L, 2L)).get(2))
                .contains("--http2").doesNotContain("--http1.1");
    }

    @Test
    void onlyTheClosingCrawlerOpensAConnectionPerRequestAndBothWaitBetweenRequests() {
        List<String> polite = NormalWebAssets.politeCrawler("wget", "10.77.1.30", BASE, "/tmp/x");
        List<String> closing = NormalWebAssets.closingCrawler("wget", "10.77.1.31", BASE, "/tmp/y");
        assertThat(polite).contains("-r", "-p", "--wait=0.1", "--bind-address=10.77.1.30").doesNotContain("--no-http-keep-alive")
                .containsSubsequence("-l", "2").endsWith(BASE + AssetSite.INDEX);
        assertThat(closing).contains("-r", "--no-http-keep-alive", "--wait=0.2").containsSubsequence("-l", "1");
        assertThat(NormalWebAssets.savePage("wget", "10.77.1.32", BASE + "/site/p1.html", "/tmp/z"))
                .contains("-p").doesNotContain("-r", "--no-http-keep-alive");
        String checker = NormalWebAssets.linkChecker("curl", "10.77.1.33", BASE, List.of("/a", "/b")).get(2);
        assertThat(checker).startsWith("for u in /a /b; do").contains("--interface 10.77.1.33", BASE + "$u", "sleep 0.1");
    }

    @Test
    void readsWgetsAndCurlsOwnCounts() {
        assertThat(NormalWebAssets.wgetFiles("FINISHED --2026-12-07 15:59:16--\nTotal wall clock time: 29s\n"
                + "Downloaded: 286 files, 1.3M in 0.009s (153 MB/s)\n")).isEqualTo(286);
        assertThat(NormalWebAssets.wgetFiles("nothing")).isEqualTo(-1);
        assertThat(NormalWebAssets.lines("200 1 http://x/a\n404 0 http://x/b\n200 0 http://x/c\n", "200 ")).isEqualTo(2);
    }

    private static List<String> refs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = REF.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
