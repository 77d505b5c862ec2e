package io.earpiece.console.cluster;

import io.earpiece.console.events.CallEvent;
import io.earpiece.console.events.CallEventBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Cluster mode's event backbone: every live event of this node's calls goes to one Kafka topic keyed by call id (so
 * a call's events keep their order), and every other node's events come back from it onto this node's bus, so a
 * browser connected to any node follows any call. Segments are stored before they are published, as on one node, so
 * a browser that reconnects reads what it missed from the shared database and the bus's keys drop the overlap.
 * <p>
 * Off (nothing started) unless {@code earpiece.cluster.kafka.bootstrap-servers} is set. The call path never waits on
 * Kafka: events go through a bounded queue to one sending thread, in order. While no broker answers, that thread
 * holds the event at the head and retries it, so what a call publishes during a broker restart goes out, in order,
 * once the broker is back (an event that does not fit the queue meanwhile is dropped and counted). The producer is
 * idempotent, so its own retries do not duplicate events either.
 */
@Component
public class KafkaEventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventRelay.class);
    static final String NODE_HEADER = "earpiece-node";
    private static final int SEND_QUEUE = 10_000;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ClusterProperties properties;
    private final CallEventBus bus;
    private final CallEventCodec codec = new CallEventCodec();
    private final String nodeId;
    private final Counter sent;
    private final Counter received;
    private final MeterRegistry registry;
    private final Timer delay;

    private volatile boolean running;
    private KafkaProducer<String, byte[]> producer;
    private final ArrayBlockingQueue<CallEvent> outbox = new ArrayBlockingQueue<>(SEND_QUEUE);
    private Thread sender;
    private Thread receiver;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean assigned;

    private final io.earpiece.console.tracing.CallTracing tracing;

    public KafkaEventRelay(ClusterProperties properties, NodeIdentity node, CallEventBus bus, MeterRegistry registry,
                           io.earpiece.console.tracing.CallTracing tracing) {
        this.tracing = tracing;
        this.properties = properties;
        this.bus = bus;
        this.registry = registry;
        this.nodeId = node.id();
        this.sent = Counter.builder("earpiece.cluster.events.sent").description("live events handed to Kafka")
                .register(registry);
        this.received = Counter.builder("earpiece.cluster.events.received")
                .description("live events of other nodes' calls delivered here").register(registry);
        this.delay = Timer.builder("earpiece.cluster.event.delay")
                .description("another node's publish (the record's timestamp) to delivery on this node's bus")
                .publishPercentiles(0.5, 0.95).register(registry);
    }

    public String nodeId() {
        return nodeId;
    }

    /** True once this node reads the topic (its partitions assigned): other nodes' events arrive from then on. */
    public boolean receiving() {
        return assigned;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        producer = new KafkaProducer<>(producerConfig());
        sender = daemon(this::send, "cluster-event-send");
        sender.start();
        bus.onLocal(this::relay);
        receiver = daemon(this::receive, "cluster-event-receive");
        receiver.start();
        log.info("cluster mode: node {} relays live events through Kafka {} topic {}", nodeId,
                properties.kafka().bootstrapServers(), properties.kafka().topic());
    }

    private void relay(CallEvent event) {
        if (running && !outbox.offer(event)) {
            dropped("send_queue_full");
        }
    }

    private void send() {
        while (running || !outbox.isEmpty()) {
            CallEvent event;
            try {
                event = outbox.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event != null) {
                sendUntilAccepted(event);
            }
        }
    }

    /** Hands the event to the producer, retrying while the broker cannot take it (no metadata within the timeout). */
    private void sendUntilAccepted(CallEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.kafka().topic(), event.callId(),
                codec.encode(event));
        record.headers().add(NODE_HEADER, nodeId.getBytes(StandardCharsets.UTF_8));
        tracing.inject(event.callId(), record.headers()); // W3C traceparent: the other nodes' spans join the call's trace
        boolean warned = false;
        while (true) {
            try {
                // no metadata (the broker went away and the client forgot it): wait here, in order, rather than let
                // send() fail the event through its callback after the same wait
                producer.partitionsFor(properties.kafka().topic());
                producer.send(record, (meta, e) -> {
                    if (e == null) {
                        sent.increment();
                    } else if (e instanceof org.apache.kafka.common.errors.RetriableException && running
                            && outbox.offer(event)) {
                        // lost the race with a broker that went away between the two calls: try again (late)
                        log.debug("cluster: event {} requeued after {}", event.key(), e.toString());
                    } else {
                        // the producer gave up after its delivery timeout: the event stays in the database
                        dropped("send_failed");
                        log.warn("cluster: event {} of call {} not relayed: {}", event.key(), event.callId(),
                                e.toString());
                    }
                });
                return;
            } catch (org.apache.kafka.common.errors.RetriableException e) {
                if (!running) {
                    dropped("stopped");
                    return;
                }
                if (!warned) {
                    log.warn("cluster: Kafka cannot take events now ({}); holding them and retrying", e.toString());
                    warned = true;
                }
                sleep(RETRY);
            } catch (RuntimeException e) {
                dropped("send_failed");
                log.warn("cluster: event {} of call {} not relayed: {}", event.key(), event.callId(), e.toString());
                return;
            }
        }
    }

    private void receive() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig())) {
                consumer = c;
                assign(c);
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                        deliver(r);
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the poll
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("cluster: reading topic {} failed, retrying in {}: {}", properties.kafka().topic(), RETRY,
                            e.toString());
                    sleep(RETRY);
                }
            } finally {
                assigned = false;
                consumer = null;
            }
        }
    }

    /**
     * Reads every partition from its end: a node follows live events from now on (no consumer group, since every
     * node needs every event); what came before is in the database.
     */
    private void assign(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            createTopicIfMissing();
            partitions = c.partitionsFor(properties.kafka().topic(), Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                partitions = List.of();
                sleep(RETRY);
            }
        }
        List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(all);
        c.seekToEnd(all);
        all.forEach(c::position); // resolve the end offsets now, not at the first poll, so nothing after now is missed
        assigned = true;
    }

    private void createTopicIfMissing() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000); // may not exceed the API timeout
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(p)) {
            if (admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(properties.kafka().topic())) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(properties.kafka().topic(), properties.kafka().partitions(),
                    properties.kafka().replicationFactor()))).all().get(15, TimeUnit.SECONDS);
            log.info("cluster: created topic {} ({} partitions)", properties.kafka().topic(),
                    properties.kafka().partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("cluster: cannot create topic {}: {}", properties.kafka().topic(), e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            log.warn("cluster: Kafka at {} not reachable: {}{}", properties.kafka().bootstrapServers(), e.toString(),
                    e.getCause() == null ? "" : " (" + e.getCause() + ")");
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> r) {
        Header node = r.headers().lastHeader(NODE_HEADER);
        if (node != null && nodeId.equals(new String(node.value(), StandardCharsets.UTF_8))) {
            return; // this node's own event: its subscribers had it at once
        }
        CallEvent event;
        try {
            event = codec.decode(r.value());
        } catch (EventDecodeException e) {
            dropped("undecodable");
            log.warn("cluster: record at {}-{}@{} dropped: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return;
        }
        if (r.key() != null && !r.key().equals(event.callId())) {
            dropped("key_mismatch");
            return;
        }
        io.opentelemetry.api.trace.Span span = tracing.delivered(r.headers(), event.callId(),
                event.key().split("/", 2)[0]);
        try {
            bus.deliverRemote(event);
        } finally {
            span.end();
        }
        received.increment();
        delay.record(Math.max(0, System.currentTimeMillis() - r.timestamp()), TimeUnit.MILLISECONDS);
    }

    private void dropped(String reason) {
        Counter.builder("earpiece.cluster.events.dropped").tag("reason", reason)
                .description("live events not relayed or not delivered (they stay in the database)")
                .register(registry).increment();
    }

    @Override
    public void stop() {
        Thread r;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            r = receiver;
        }
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(5)); // sends what is queued, unless no broker answers
            sender.interrupt();
            r.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the calls were hung up and the web server drained, so their last events still go out. */
    @Override
    public int getPhase() {
        return 0;
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "earpiece-" + nodeId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.kafka().sendTimeout().toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "earpiece-" + nodeId + "-events",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // only after a position is lost (a broker that came back with less than it had): re-reading what it
                // kept duplicates events, which browsers drop by key; skipping to the end would lose them
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
