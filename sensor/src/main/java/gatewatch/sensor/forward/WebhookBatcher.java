package gatewatch.sensor.forward;

import gatewatch.sensor.forward.http.ResponseVerdict;
import gatewatch.sensor.forward.http.WebhookRequests;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's delivery state, across connections: forms a batch when {@code batchSize} alerts
 * wait or the oldest has waited {@code linger}; sends one batch at a time and keeps it until the
 * receiver answers 2xx (delivered) or a permanent 4xx (rejected, counted, not retried). After a
 * 5xx, a timeout or a lost connection the same batch, with the same idempotency key, is sent again
 * after a back-off. Event loop only.
 */
final class WebhookBatcher {
    private static final Logger log = LoggerFactory.getLogger(WebhookBatcher.class);

    private final HttpWebhookConfig config;
    private final DeliveryCore core;
    private final Reconnector reconnector;
    private final WebhookRequests requests;
    private final Backoff retryBackoff;
    private final String keyPrefix;
    private List<ForwardedAlert> batch;
    private String batchKey;
    private long batchSeq;
    private int attempts;
    private boolean awaitingResponse;
    private ScheduledFuture<?> lingerTimer;
    private ScheduledFuture<?> retryTimer;
    private ScheduledFuture<?> responseTimer;
    private boolean lingerExpired;
    private boolean draining;
    private boolean failing;
    private boolean stopped;

    WebhookBatcher(HttpWebhookConfig config, DeliveryCore core, Reconnector reconnector, Backoff retryBackoff, long runId) {
        this.config = config;
        this.core = core;
        this.reconnector = reconnector;
        this.retryBackoff = retryBackoff;
        TargetConfig t = config.target();
        this.requests = new WebhookRequests(t.host(), t.port(), config.path());
        this.keyPrefix = t.name() + "-" + Long.toHexString(runId) + "-";
    }

    /** Sends if a batch is due and the connection is free; otherwise arranges to come back. */
    void pump() {
        if (stopped || awaitingResponse || retryTimer != null) {
            return;
        }
        if (batch == null && !formBatch()) {
            return;
        }
        Channel ch = reconnector.channel();
        if (ch == null || !ch.isActive()) {
            reconnector.demand();
            return;
        }
        awaitingResponse = true;
        if (attempts++ > 0) {
            core.counters().addPossiblyDuplicated(batch.size());
        }
        ch.writeAndFlush(requests.post(batch, batchKey, ch.alloc())).addListener(f -> {
            if (!f.isSuccess()) {
                ch.close(); // connectionLost() follows
            }
        });
        responseTimer = core.loop().schedule(() -> {
            responseTimer = null;
            log.warn("forwarder {}: no response within {}; sending the batch again on a new connection",
                    config.target().name(), config.requestTimeout());
            ch.close();
        }, config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes the next batch if one is due. */
    private boolean formBatch() {
        long waiting = core.counters().buffered(); // nothing is in flight, so all of it is queued
        if (waiting == 0) {
            return false;
        }
        if (waiting < config.batchSize() && !lingerExpired && !draining && !config.linger().isZero()) {
            if (lingerTimer == null) {
                lingerTimer = core.loop().schedule(() -> {
                    lingerTimer = null;
                    lingerExpired = true;
                    pump();
                }, config.linger().toMillis(), TimeUnit.MILLISECONDS);
            }
            return false;
        }
        List<ForwardedAlert> next = new ArrayList<>(config.batchSize());
        ForwardedAlert a;
        while (next.size() < config.batchSize() && (a = core.outbox().next()) != null) {
            next.add(a);
        }
        if (next.isEmpty()) {
            return false;
        }
        if (lingerTimer != null) {
            lingerTimer.cancel(false);
            lingerTimer = null;
        }
        lingerExpired = false;
        batch = next;
        batchKey = keyPrefix + batchSeq++;
        attempts = 0;
        return true;
    }

    void onResponse(Channel ch, FullHttpResponse response) {
        if (stopped || !awaitingResponse) {
            return;
        }
        cancelResponseTimer();
        awaitingResponse = false;
        int status = response.status().code();
        switch (ResponseVerdict.of(status)) {
            case DELIVERED -> settle(() -> core.outbox().delivered(batch.size()));
            case REJECTED -> {
                log.warn("forwarder {}: receiver rejected a batch of {} alerts with {}; not sending it again",
                        config.target().name(), batch.size(), response.status());
                settle(() -> core.outbox().failed(FailureCause.REJECTED, batch.size()));
            }
            case RETRY -> {
                if (!failing) {
                    failing = true;
                    log.warn("forwarder {}: receiver answered {}; retrying with back-off", config.target().name(), response.status());
                }
                retryLater();
            }
        }
        if (!HttpUtil.isKeepAlive(response)) {
            ch.close();
        }
        pump();
    }

    private void settle(Runnable count) {
        if (failing) {
            failing = false;
            log.info("forwarder {}: receiver answers again", config.target().name());
        }
        count.run();
        batch = null;
        retryBackoff.reset();
    }

    /**
     * The connection is gone: a batch in hand (unanswered, or formed while the channel was
     * closing) is sent again after a back-off, on a new connection.
     */
    void connectionLost() {
        cancelResponseTimer();
        if (stopped) {
            return;
        }
        awaitingResponse = false;
        if (batch != null) {
            retryLater();
        }
    }

    private void retryLater() {
        if (retryTimer != null) {
            return;
        }
        retryTimer = core.loop().schedule(() -> {
            retryTimer = null;
            pump();
        }, retryBackoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelResponseTimer() {
        if (responseTimer != null) {
            responseTimer.cancel(false);
            responseTimer = null;
        }
    }

    /** At close: stop timers and give up the batch in hand (the outbox gives up the rest). */
    void stop() {
        for (ScheduledFuture<?> t : new ScheduledFuture<?>[] {lingerTimer, retryTimer, responseTimer}) {
            if (t != null) {
                t.cancel(false);
            }
        }
        lingerTimer = retryTimer = responseTimer = null;
        if (batch != null) {
            core.outbox().failed(FailureCause.GAVE_UP, batch.size());
            batch = null;
        }
        stopped = true;
    }

    /** The forwarder is closing: from now on nothing lingers. */
    void flushNow() {
        draining = true;
        pump();
    }
}
