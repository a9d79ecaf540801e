package locker.loadtest.metrics;

import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ServerMetricsSamplerIT {

    @Test
    void samplesPostgresRedisAndThisJvmWhileTheServerWorks() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start()) {
            HttpClient http = HttpClient.newHttpClient();
            ServerMetricsSampler sampler = new ServerMetricsSampler(Optional.of(stack.openConnection()),
                    Optional.of(new Jedis(EmbeddedStack.HOST, stack.redisPort())), true, Duration.ofMillis(200));
            // the server works until every series has three samples, however long a busy machine takes for them
            long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (Stream.of(ServerMetric.POSTGRES_TOTAL, ServerMetric.REDIS_CONNECTED_CLIENTS, ServerMetric.JVM_HEAP_USED)
                    .anyMatch(series -> sampler.samples(series) < 3) && System.nanoTime() < giveUp) {
                http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            sampler.close();

            assertThat(sampler.samples(ServerMetric.POSTGRES_TOTAL)).isGreaterThanOrEqualTo(3);
            assertThat(sampler.samples(ServerMetric.REDIS_CONNECTED_CLIENTS)).isGreaterThanOrEqualTo(3);
            assertThat(sampler.samples(ServerMetric.JVM_HEAP_USED)).isGreaterThanOrEqualTo(3);
            Map<String, Double> peaks = sampler.peaks();
            // the server keeps a pool of connections open; /health pings Redis from the server's pool
            assertThat(peaks.get("postgres_connections_total")).isGreaterThanOrEqualTo(1);
            assertThat(peaks.get("redis_connected_clients")).isGreaterThanOrEqualTo(2);
            assertThat(peaks.get("redis_ops_per_sec")).isGreaterThan(0);
            assertThat(peaks.get("jvm_heap_used")).isGreaterThan(0);
            assertThat(sampler.series()).containsKeys("postgres_connections_waiting_on_locks", "jvm_process_cpu");
        }
    }

    @Test
    void unreachableSourcesLeaveTheirSeriesEmpty() {
        ServerMetricsSampler sampler = new ServerMetricsSampler(Optional.empty(), Optional.empty(), false,
                Duration.ofMillis(100));
        sampler.close();
        assertThat(sampler.peaks()).isEmpty();
    }

    @Test
    void readsRedisInfoLines() {
        assertThat(ServerMetricsSampler.parseInfo("# Clients\r\nconnected_clients:7\r\nblocked_clients:0\r\n"))
                .containsEntry("connected_clients", "7").doesNotContainKey("# Clients");
    }
}
