package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small deliberately vulnerable shop on port 80 of the server: nginx in front of php-fpm
 * (a pool of this run on a unix socket in the work directory) and an SQLite database. Pages:
 * {@code /login.php} (POST user, pass; SQL-injectable; "Login failed" on a miss),
 * {@code /search.php?q=} (SQL-injectable, SQL errors shown) and {@code /lookup.php?host=}
 * (command injection: the argument goes to {@code shell_exec("getent hosts ...")}). Everything it runs stays in the
 * server namespace; its /etc/passwd, hosts and resolv.conf there are files of this run, so an
 * injected {@code cat /etc/passwd} shows no host account and no lookup leaves the namespace
 * (an empty resolv.conf means a resolver on the namespace's own loopback, where none listens).
 *
 * <p>nginx's access log ({@link #accessLog()}) names the connection of every request, so
 * scenarios can count connections and requests per client address.
 */
public final class VulnWebApp {
    public static final Tool PHP_FPM = Tool.of("/usr/sbin/php-fpm8.2", "php8.2-fpm (php-fpm)", "-v");
    /** Tools a scenario that uses this application must declare (python3 writes the database). */
    public static final List<Tool> TOOLS = List.of(Tools.NGINX, PHP_FPM, Tools.PYTHON, Tools.CURL);
    public static final String HOST_NAME = "shop.lab.test";
    /** The shop's accounts; the admin's password is what the guessing scenario looks for. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "shopkeeper7";
    public static final String CUSTOMER = "alice";
    public static final String CUSTOMER_PASSWORD = "wonderland";
    /** A second customer's account (an attacker's own account in r2l-sql-injection-forms). */
    public static final String CUSTOMER2 = "bob";
    public static final String CUSTOMER2_PASSWORD = "builder42";
    /** What the login page answers to wrong credentials. */
    public static final String LOGIN_FAILED = "Login failed";
    /** Catalogue words a customer searches for. */
    public static final List<String> PRODUCTS = List.of("lamp", "chair", "table", "kettle", "mug", "shelf", "rug");
    private static final List<String> PAGES = List.of("index.php", "login.php", "search.php", "lookup.php");

    private final Path accessLog;

    private VulnWebApp(Path accessLog) {
        this.accessLog = accessLog;
    }

    /** Writes the application and its database, starts php-fpm and nginx and waits until port 80 listens. */
    public static VulnWebApp start(LabRun lab) {
        Path dir = lab.workDir();
        for (String page : PAGES) {
            lab.writeFile("app/" + page, lab.template("webapp/" + page, Map.of()));
        }
        Path db = dir.resolve("shop.db");
        lab.writeFile("make_db.py", makeDb());
        lab.host("sqlite-init", Duration.ofSeconds(20), List.of(lab.path(Tools.PYTHON), dir.resolve("make_db.py").toString(),
                db.toString())).requireOk();
        lab.serverEtcFile("passwd", "root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
                + "shop:x:1001:1001:shop owner:/home/shop:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        lab.serverEtcFile("hosts", "127.0.0.1 localhost\n" + lab.net().server() + " " + HOST_NAME + "\n");
        lab.serverEtcFile("resolv.conf", "");
        Path fpmConf = lab.writeFile("php-fpm.conf", lab.template("php-fpm.conf", Map.of("DIR", dir.toString())));
        lab.startServer("php-fpm", List.of(lab.path(PHP_FPM), "-R", "-F", "-y", fpmConf.toString()));
        awaitFile(dir.resolve("php-fpm.sock"), Duration.ofSeconds(10));
        lab.writeFile("nginx-tmp/.keep", "");
        Path conf = lab.writeFile("nginx-php.conf", lab.template("nginx-php.conf",
                Map.of("DIR", dir.toString(), "ADDRESS", lab.net().server(), "NAME", HOST_NAME)));
        lab.startServer("nginx", List.of(lab.path(Tools.NGINX), "-p", dir.toString(), "-c", conf.toString()));
        lab.awaitTcpListener(80, Duration.ofSeconds(10));
        return new VulnWebApp(dir.resolve("nginx-access.log"));
    }

    private static String makeDb() {
        StringBuilder products = new StringBuilder();
        for (int i = 0; i < PRODUCTS.size(); i++) {
            for (String kind : List.of("small", "large")) {
                products.append("    (\"").append(kind).append(' ').append(PRODUCTS.get(i)).append("\", ")
                        .append(5 + 7 * i + (kind.equals("large") ? 20 : 0)).append(".95),\n");
            }
        }
        return """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, password TEXT, email TEXT)")
                db.executemany("INSERT INTO users (name, password, email) VALUES (?, ?, ?)", [
                    ("%s", "%s", "admin@shop.lab.test"),
                    ("%s", "%s", "alice@example.test"),
                    ("%s", "%s", "bob@example.test")])
                db.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL)")
                db.executemany("INSERT INTO products (name, price) VALUES (?, ?)", [
                %s])
                db.commit()
                """.formatted(ADMIN, ADMIN_PASSWORD, CUSTOMER, CUSTOMER_PASSWORD, CUSTOMER2, CUSTOMER2_PASSWORD, products);
    }

    private static void awaitFile(Path p, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(p)) {
            if (System.nanoTime() > deadline) {
                throw new LabException("php-fpm made no socket " + p + " in " + limit.toSeconds() + " s (see php-fpm.log in the work directory)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for " + p, e);
            }
        }
    }

    /** {@code http://SERVER}, without a trailing slash. */
    public static String url(LabRun lab) {
        return "http://" + lab.net().server();
    }

    /**
     * A customer's visit from {@code source}: the start page, two searches and a lookup of
     * localhost over one keep-alive connection, then a login with the right password (a second).
     */
    public static void customerVisit(LabRun lab, String name, String source) {
        String base = url(lab);
        String a = PRODUCTS.get(lab.random().nextInt(PRODUCTS.size()));
        String b = PRODUCTS.get(lab.random().nextInt(PRODUCTS.size()));
        lab.client(name, Duration.ofSeconds(20), List.of(lab.path(Tools.CURL), "-sS", "--interface", source,
                "-o", "/dev/null", base + "/", "-o", "/dev/null", base + "/search.php?q=" + a,
                "-o", "/dev/null", base + "/search.php?q=" + b, "-o", "/dev/null", base + "/lookup.php?host=localhost"))
                .requireOk();
        lab.pause(Duration.ofMillis(200), Duration.ofMillis(800));
        lab.client(name + "-login", Duration.ofSeconds(20), List.of(lab.path(Tools.CURL), "-sS", "--interface", source,
                "-o", "/dev/null", "-d", "user=" + CUSTOMER + "&pass=" + CUSTOMER_PASSWORD, base + "/login.php")).requireOk();
    }

    /** Requests and distinct connections in nginx's access log from {@code address}: {requests, connections}. */
    public long[] served(String address) {
        try {
            List<String[]> lines = Files.readAllLines(accessLog).stream().map(l -> l.split(" ", 3))
                    .filter(f -> f.length == 3 && f[0].equals(address)).toList();
            return new long[] {lines.size(), lines.stream().map(f -> f[1]).distinct().count()};
        } catch (IOException e) {
            throw new LabException("cannot read nginx's access log " + accessLog + ": " + e.getMessage(), e);
        }
    }
}
