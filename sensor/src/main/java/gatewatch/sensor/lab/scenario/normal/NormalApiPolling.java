package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Everyday application traffic against an API: clients polling JSON on nginx every 0.5-2 s, over
 * one keep-alive connection (a dashboard, a mobile app over TLS) or a new connection per poll (a
 * widget every 0.5-0.7 s, a status page's {@code curl} every ~2 s over TLS), devices posting
 * telemetry every ~2 s with and without keep-alive, and long-lived
 * connections to an application server: a server-sent-event stream (an event a second) and a
 * long poll answered after 2-6 s. About {@value #SECONDS} s; all normal.
 */
public final class NormalApiPolling implements Scenario {
    static final int SECONDS = 40;
    static final int EVENTS_PORT = 8081;
    static final String EVENTS_PY = "api_events.py";
    static final String POLL_PY = "api_poll.py";
    static final int STATUS_POLLS = 17;
    static final long STATUS_MILLIS = 1900;

    /** One polling client: what it asks, how often, over which kind of connection. */
    record Poller(String name, String path, boolean tls, double minSeconds, double maxSeconds, boolean keepAlive, boolean post) {
        List<String> args(String source, String server, int seconds, long seed) {
            List<String> a = new ArrayList<>(List.of(source, (tls ? "https://" : "http://") + server + path,
                    Double.toString(minSeconds), Double.toString(maxSeconds), Integer.toString(seconds), keepAlive ? "1" : "0",
                    Long.toString(seed)));
            if (post) {
                a.add("post");
            }
            return a;
        }
    }

    /** The polling clients, each from its own client alias (index in the list). */
    static final List<Poller> POLLERS = List.of(
            new Poller("dashboard", "/api/status.json", false, 1.0, 1.2, true, false),
            new Poller("mobile-app", "/api/v1/notifications.json", true, 1.5, 2.0, true, false),
            new Poller("widget", "/api/status.json", false, 0.5, 0.7, false, false),
            new Poller("telemetry", "/form", false, 1.8, 2.2, false, true),
            new Poller("telemetry-ka", "/form", true, 1.0, 2.0, true, true));

    @Override
    public String name() {
        return "normal-api-polling";
    }

    @Override
    public String summary() {
        return "normal: apps polling JSON on nginx every 0.5-2 s with and without keep-alive, telemetry POSTs,"
                + " an SSE stream and a long poll";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.addAll(List.of(Tools.CURL, Tools.PYTHON, NormalMqtt.SH));
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        Topology net = lab.net();
        String server = net.server();
        // The application server looks up its own address when it binds: not on the wire.
        LabScripts.localNames(lab);
        WebServer.start(lab);
        RandomGenerator rnd = lab.random();
        lab.writeFile("www/api/v1/notifications.json", "{\"unread\":" + rnd.nextInt(20) + ",\"items\":[]}\n");
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 40; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"price\":").append(rnd.nextInt(10000)).append('}');
        }
        lab.writeFile("www/api/v1/items.json", items.append("]}\n").toString());
        lab.startServer("app-events", LabScripts.python(lab, EVENTS_PY, server, Integer.toString(EVENTS_PORT), "1.0",
                Integer.toString(SECONDS), Long.toString(rnd.nextLong())));
        lab.awaitTcpListener(EVENTS_PORT, Duration.ofSeconds(10));
        for (int port : List.of(80, 443, EVENTS_PORT)) {
            lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, server).toPort(port), TruthCategory.NORMAL, "normal");
        }

        Map<String, Daemon> clients = new LinkedHashMap<>();
        clients.put("sse", lab.startClient("sse", List.of(lab.path(Tools.CURL), "-sS", "-N", "--interface", net.clientAlias(10),
                "http://" + server + ":" + EVENTS_PORT + "/events")));
        for (int i = 0; i < POLLERS.size(); i++) {
            Poller p = POLLERS.get(i);
            lab.pause(Duration.ofMillis(100), Duration.ofMillis(1500));
            clients.put(p.name(), lab.startClient(p.name(), LabScripts.python(lab, POLL_PY,
                    p.args(net.clientAlias(i), server, SECONDS - 5, rnd.nextLong()).toArray(String[]::new))));
        }
        List<String> polls = new ArrayList<>();
        for (int i = 0; i < STATUS_POLLS; i++) {
            polls.add(NormalMonitoring.httpGets(lab.path(Tools.CURL), net.clientAlias(POLLERS.size()), false,
                    List.of("https://" + server + "/api/v1/items.json")));
        }
        clients.put("status-page", lab.startClient("status-page", NormalMonitoring.schedule(lab.path(NormalMqtt.SH), polls,
                NormalMonitoring.jittered(rnd, STATUS_POLLS, STATUS_MILLIS))));
        clients.put("long-poll", lab.startClient("long-poll", LabScripts.python(lab, POLL_PY, net.clientAlias(11),
                "http://" + server + ":" + EVENTS_PORT + "/poll", "0.0", "0.2", Integer.toString(SECONDS - 10), "1",
                Long.toString(rnd.nextLong()))));
        for (Map.Entry<String, Daemon> c : clients.entrySet()) {
            if (!c.getValue().await(SECONDS + 30)) {
                throw new LabException(c.getKey() + " did not end within " + (SECONDS + 30) + " s");
            }
        }
        long events = NormalWebAssets.lines(clients.get("sse").output(), "event: tick");
        if (events != SECONDS) {
            throw new LabException("the SSE stream gave " + events + " events of " + SECONDS);
        }
        lab.report("sse_events", events);
        long statusOk = NormalWebAssets.lines(clients.get("status-page").output(), "http 200 ");
        if (statusOk != STATUS_POLLS) {
            throw new LabException("the status page got " + statusOk + " answers 200 of " + STATUS_POLLS);
        }
        lab.report("status-page_requests", statusOk);
        for (Map.Entry<String, Daemon> c : clients.entrySet()) {
            if (c.getKey().equals("sse") || c.getKey().equals("status-page")) {
                continue;
            }
            String out = c.getValue().output();
            long requests = LabScripts.count(out, "requests");
            if (requests <= 0 || LabScripts.count(out, "ok") != requests) {
                throw new LabException(c.getKey() + ": not every request answered 200: " + out.strip());
            }
            lab.report(c.getKey() + "_requests", requests);
            lab.report(c.getKey() + "_connections", LabScripts.count(out, "connections"));
        }
    }
}
