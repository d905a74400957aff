package io.namesrv.controller.state;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two on-disk forms of the controller's state, both versioned JSON (UTF-8) so that an
 * operator can read them and a later release can still load them:
 * <ul>
 *   <li>a log entry: {@code {"v":1,"type":"ElectMaster","command":{...}}}, one {@link Command}
 *       with the fields of its record;</li>
 *   <li>a snapshot: {@code {"format":"namesrv-controller-state","version":1,"groups":[...]}}, each
 *       group with its epochs, master, in-sync set, next id and replicas (see
 *       docs/operations.md, "Controller snapshots").</li>
 * </ul>
 * A version this code does not know is refused with an exception, never guessed at.
 */
public final class StateCodec {

    public static final int LOG_VERSION = 1;
    public static final String SNAPSHOT_FORMAT = "namesrv-controller-state";
    public static final int SNAPSHOT_VERSION = 1;

    private StateCodec() {
    }

    public static byte[] encode(Command command) {
        JSONObject entry = new JSONObject();
        entry.put("v", LOG_VERSION);
        entry.put("type", command.getClass().getSimpleName());
        entry.put("command", command);
        return JSON.toJSONBytes(entry, JSONWriter.Feature.MapSortField);
    }

    /**
     * Reads a log entry field by field with explicit types: a generic decoder would turn the ids
     * of a {@code Set<Long>} into Integers, and such a state would not equal the leader's.
     */
    public static Command decode(byte[] entry) {
        JSONObject json = JSON.parseObject(new String(entry, StandardCharsets.UTF_8));
        int version = json.getIntValue("v");
        if (version != LOG_VERSION) {
            throw new IllegalArgumentException("controller log entry version " + version + " is not supported");
        }
        String type = json.getString("type");
        JSONObject c = json.getJSONObject("command");
        return switch (type == null ? "" : type) {
            case "ApplyBrokerId" -> new Command.ApplyBrokerId(c.getString("clusterName"), c.getString("brokerName"),
                c.getLongValue("brokerId"), c.getString("registerCheckCode"));
            case "RegisterBroker" -> new Command.RegisterBroker(c.getString("clusterName"), c.getString("brokerName"),
                c.getLongValue("brokerId"), c.getString("brokerAddress"), ids(c, "aliveIds"));
            case "ElectMaster" -> new Command.ElectMaster(c.getString("clusterName"), c.getString("brokerName"),
                c.getLong("requesterId"), c.getBooleanValue("designated"), c.getBooleanValue("allowUnclean"),
                candidates(c.getJSONArray("candidates")));
            case "AlterSyncStateSet" -> new Command.AlterSyncStateSet(c.getString("brokerName"),
                c.getLong("masterBrokerId"), c.getInteger("masterEpoch"), ids(c, "newSyncStateSet"),
                c.getIntValue("syncStateSetEpoch"), ids(c, "aliveIds"));
            case "CleanBrokerData" -> new Command.CleanBrokerData(c.getString("clusterName"), c.getString("brokerName"),
                c.containsKey("brokerIds") ? ids(c, "brokerIds") : null, c.getBooleanValue("cleanLiving"),
                ids(c, "aliveIds"));
            default -> throw new IllegalArgumentException("unknown controller log entry type " + type);
        };
    }

    private static Set<Long> ids(JSONObject json, String key) {
        Set<Long> ids = new TreeSet<>();
        JSONArray array = json.getJSONArray(key);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                ids.add(array.getLongValue(i));
            }
        }
        return ids;
    }

    private static List<Candidate> candidates(JSONArray array) {
        List<Candidate> candidates = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                JSONObject c = array.getJSONObject(i);
                candidates.add(new Candidate(c.getLongValue("brokerId"), c.getIntValue("epoch"),
                    c.getLongValue("maxOffset"), c.getIntValue("electionPriority")));
            }
        }
        return candidates;
    }

    /** The snapshot file's form of one group. */
    record GroupSnapshot(String clusterName, String brokerName, long nextAssignBrokerId, Long masterBrokerId,
                         int masterEpoch, int syncStateSetEpoch, List<Long> syncStateSet, List<Replica> replicas) {
    }

    record Snapshot(String format, int version, List<GroupSnapshot> groups) {
    }

    public static byte[] encodeSnapshot(ControllerState state) {
        List<GroupSnapshot> groups = new ArrayList<>();
        for (BrokerGroup g : state.groups().values()) {
            groups.add(new GroupSnapshot(g.clusterName(), g.brokerName(), g.nextAssignBrokerId(), g.masterBrokerId(),
                g.masterEpoch(), g.syncStateSetEpoch(), List.copyOf(g.syncStateSet()), List.copyOf(g.replicas().values())));
        }
        return JSON.toJSONBytes(new Snapshot(SNAPSHOT_FORMAT, SNAPSHOT_VERSION, groups));
    }

    public static ControllerState decodeSnapshot(byte[] bytes) {
        JSONObject json = JSON.parseObject(new String(bytes, StandardCharsets.UTF_8));
        if (json == null || !SNAPSHOT_FORMAT.equals(json.getString("format"))) {
            throw new IllegalArgumentException("not a controller snapshot");
        }
        int version = json.getIntValue("version");
        if (version != SNAPSHOT_VERSION) {
            throw new IllegalArgumentException("controller snapshot version " + version + " is not supported");
        }
        TreeMap<String, BrokerGroup> groups = new TreeMap<>();
        JSONArray array = json.getJSONArray("groups");
        for (int i = 0; i < array.size(); i++) {
            JSONObject g = array.getJSONObject(i);
            TreeMap<Long, Replica> replicas = new TreeMap<>();
            JSONArray rs = g.getJSONArray("replicas");
            for (int j = 0; j < rs.size(); j++) {
                JSONObject r = rs.getJSONObject(j);
                long id = r.getLongValue("brokerId");
                replicas.put(id, new Replica(id, r.getString("address"), r.getString("registerCheckCode")));
            }
            groups.put(g.getString("brokerName"), new BrokerGroup(g.getString("clusterName"), g.getString("brokerName"),
                g.getLongValue("nextAssignBrokerId"), replicas, g.getLong("masterBrokerId"), g.getIntValue("masterEpoch"),
                g.getIntValue("syncStateSetEpoch"), new TreeSet<>(ids(g, "syncStateSet"))));
        }
        return new ControllerState(groups);
    }
}
