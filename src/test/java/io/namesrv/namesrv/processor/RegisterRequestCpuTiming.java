package io.namesrv.namesrv.processor;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manual timing, not a test: the CPU of mqbench's {@code register-big-plain} phase through the
 * real request path ({@link DefaultRequestProcessor}, body checksum and decoding included) in one
 * process, without the network. A broker of 10,000 topics re-registers again and again, each time
 * with a new data version and the same topics (1.8 MB of plain JSON), into a table that already
 * holds mqbench's default fleet (64 broker names x 1,000 topics, every 4 names sharing their
 * topics). Prints, per pass, the median thread CPU, wall time and bytes allocated per call, and the
 * same for decoding the body alone. Run:
 * <pre>
 * java -Xms1g -Xmx1g -Xmn32m -XX:+UseSerialGC -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   io.namesrv.namesrv.processor.RegisterRequestCpuTiming [passes] [calls per pass] [big topics]
 * </pre>
 */
public final class RegisterRequestCpuTiming {

    private static final int QUEUES = 8;
    private static final int PERM_READ_WRITE = 6;

    private RegisterRequestCpuTiming() {
    }

    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int bigTopics = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path dir = Files.createTempDirectory("regperf-");
        ProcessorFixture f = new ProcessorFixture(dir);
        DefaultRequestProcessor processor = f.defaultProcessor();

        long counter = 1;
        for (int g = 0; g < 64; g++) {
            List<String> topics = new ArrayList<>(1_000);
            for (int i = 0; i < 1_000; i++) {
                topics.add("BenchTopic_" + (g / 4) + "_" + i);
            }
            String addr = "127.0.0.1:" + (20_000 + g);
            expectSuccess(processor.processRequest(f.channel, request(f, "BenchBroker_" + g, addr, topics,
                new DataVersion(0L, 1_000L + counter, counter++))));
        }

        List<String> big = new ArrayList<>(bigTopics);
        for (int i = 0; i < bigTopics; i++) {
            big.add("BenchBigTopic_" + i);
        }
        DataVersion v1 = new DataVersion(0L, 5_000L, counter++);
        RemotingCommand[] bodies = {request(f, "BenchBigBroker", "127.0.0.1:19000", big, v1),
            request(f, "BenchBigBroker", "127.0.0.1:19000", big, v1.next())};
        System.out.printf("big body: %,d bytes, %,d topics; table: %,d topics%n", bodies[0].getBody().length, bigTopics,
            16_000 + bigTopics);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int next = 0;
        for (int pass = 0; pass < passes; pass++) {
            long[] cpu = new long[calls];
            long[] wall = new long[calls];
            long[] alloc = new long[calls];
            long gc0 = gcMillis();
            long p0 = processCpuNanos();
            for (int i = 0; i < calls; i++) {
                RemotingCommand template = bodies[next++ % 2];
                // A fresh command and body per call, as the network would hand over.
                RemotingCommand request = ProcessorFixture.request(RequestCode.REGISTER_BROKER, null);
                template.getExtFields().forEach(request::addExtField);
                request.setBody(template.getBody().clone());
                long a0 = threads.getThreadAllocatedBytes(tid);
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                expectSuccess(processor.processRequest(f.channel, request));
                wall[i] = System.nanoTime() - w0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                alloc[i] = threads.getThreadAllocatedBytes(tid) - a0;
            }
            long processCpu = processCpuNanos() - p0;
            System.out.println("route version " + f.routes.routeVersion() + ", topic set version " + f.routes.topicSetVersion());
            long gc = gcMillis() - gc0;
            long[] decodeCpu = new long[calls];
            for (int i = 0; i < calls; i++) {
                byte[] body = bodies[i % 2].getBody().clone();
                long c0 = threads.getCurrentThreadCpuTime();
                if (f.codec.decodeJson(body) == null) {
                    throw new IllegalStateException("no body");
                }
                decodeCpu[i] = threads.getCurrentThreadCpuTime() - c0;
            }
            System.out.printf("pass %d: register cpu p50 %.2f ms (p10 %.2f, p90 %.2f), wall p50 %.2f ms, alloc p50 %.1f MB;"
                    + " process cpu %.2f ms/call, gc %.2f ms/call; decode alone cpu p50 %.2f ms%n", pass, median(cpu) / 1e6,
                pct(cpu, 10) / 1e6, pct(cpu, 90) / 1e6, median(wall) / 1e6, median(alloc) / 1e6,
                processCpu / 1e6 / calls, gc / (double) calls, median(decodeCpu) / 1e6);
        }
    }

    private static RemotingCommand request(ProcessorFixture f, String brokerName, String addr, List<String> topicNames,
                                           DataVersion version) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>(topicNames.size() * 2);
        for (String topic : topicNames) {
            topics.put(topic, new TopicConfig(topic, QUEUES, QUEUES, PERM_READ_WRITE, TopicFilterType.SINGLE_TAG, 0, false,
                Map.of()));
        }
        byte[] body = f.codec.encodeJson(new RegisterBrokerBody(TopicConfigSerializeWrapper.of(version, topics), List.of()));
        return ProcessorFixture.request(RequestCode.REGISTER_BROKER,
                ProcessorFixture.registerHeader(brokerName, addr, 0L, false, ProcessorFixture.crc32(body)))
            .setBody(body);
    }

    private static void expectSuccess(RemotingCommand response) {
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("registration failed: " + response.getCode() + " " + response.getRemark());
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(long[] values) {
        return pct(values, 50);
    }

    private static long pct(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
