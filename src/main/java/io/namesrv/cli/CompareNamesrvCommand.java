package io.namesrv.cli;

import io.namesrv.protocol.BrokerMember;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.header.GetBrokerClusterInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.Options;

/**
 * {@code compareNamesrv} (ours): every name server of {@code -n} side by side, one row per broker
 * process, so a broker that registered with some of them only (a partial namesrvAddr, a rolling
 * restart) shows at a glance. Only GET_BROKER_CLUSTER_INFO (106) is used, so Apache's name servers
 * can be compared too.
 */
final class CompareNamesrvCommand implements SubCommand {

    static final String DIRECT = "yes";
    static final String PROVISIONAL = "provisional";
    static final String ABSENT = "-";

    @Override
    public String name() {
        return "compareNamesrv";
    }

    @Override
    public String description() {
        return "Compare the brokers every name server knows, side by side (ours).";
    }

    @Override
    public String details() {
        return "Asks every name server of -n for its cluster view (GET_BROKER_CLUSTER_INFO, 106) twice: as any client"
            + " does, and with the ext field directOnly=true, which our name server answers with the brokers that"
            + " registered with it themselves. A cell says 'yes' when the broker registered with that name server,"
            + " '" + PROVISIONAL + "' when that name server serves it from a snapshot or a peer but the broker has not"
            + " registered there (yet), '-' when it does not know it. An Apache name server ignores the field, and"
            + " everything it knows it knows directly. Data versions are not compared: Apache shows them only through"
            + " QUERY_DATA_VERSION, which counts as the broker's heartbeat. Exits 1 when any broker is not registered"
            + " with every name server, or a name server cannot be asked; 0 when they all agree.";
    }

    @Override
    public void addOptions(Options options) {
        options.addOption("c", "clusterName", true, "only this cluster");
    }

    /** One name server's two views, or why there are none. */
    private record View(String nameServer, Set<BrokerMember> all, Set<BrokerMember> direct, String error) {
        String cell(BrokerMember m) {
            if (error != null) {
                return "?";
            }
            return direct.contains(m) ? DIRECT : all.contains(m) ? PROVISIONAL : ABSENT;
        }
    }

    @Override
    public void execute(CommandContext ctx) throws CliException, InterruptedException {
        String only = ctx.line().getOptionValue("c");
        List<View> views = new ArrayList<>();
        for (String ns : ctx.client().nameServers()) {
            views.add(view(ctx, ns, only == null ? null : only.trim()));
        }
        Set<BrokerMember> members = new TreeSet<>();
        views.forEach(v -> members.addAll(v.all()));
        List<Map<String, Object>> rows = new ArrayList<>();
        int differ = 0;
        for (BrokerMember m : members) {
            Map<String, String> cells = new LinkedHashMap<>();
            boolean agree = true;
            for (View v : views) {
                String cell = v.cell(m);
                cells.put(v.nameServer(), cell);
                agree &= cell.equals(DIRECT) || v.error() != null;
            }
            differ += agree ? 0 : 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cluster", m.cluster());
            row.put("brokerName", m.brokerName());
            row.put("brokerId", m.brokerId());
            row.put("addr", m.addr());
            row.put("nameServers", cells);
            row.put("agree", agree);
            rows.add(row);
        }
        List<View> failed = views.stream().filter(v -> v.error() != null).toList();
        if (ctx.json()) {
            List<Map<String, Object>> servers = new ArrayList<>();
            for (View v : views) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("nameServer", v.nameServer());
                s.put("ok", v.error() == null);
                s.put("error", v.error());
                servers.add(s);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("nameServers", servers);
            doc.put("brokers", rows);
            doc.put("brokersThatDiffer", differ);
            ctx.printJson(doc);
        } else {
            print(ctx, views, rows, differ);
        }
        if (!failed.isEmpty()) {
            throw new CliException("could not ask " + failed.size() + " of " + views.size()
                + " name server(s): " + String.join("; ", failed.stream().map(v -> v.nameServer() + " " + v.error())
                .toList()));
        }
        if (differ > 0) {
            throw new CliException("the name servers disagree about " + differ + " of " + members.size() + " broker(s)");
        }
    }

    private static View view(CommandContext ctx, String ns, String onlyCluster) throws InterruptedException {
        try {
            ClusterInfo all = fetch(ctx, ns, false);
            ClusterInfo direct = fetch(ctx, ns, true);
            return new View(ns, filtered(BrokerMember.of(all), onlyCluster), filtered(BrokerMember.of(direct), onlyCluster),
                null);
        } catch (CliException e) {
            return new View(ns, Set.of(), Set.of(), e.getMessage());
        }
    }

    private static ClusterInfo fetch(CommandContext ctx, String ns, boolean directOnly)
        throws CliException, InterruptedException {
        RemotingCommand response = ctx.client().callOk(ns, "GET_BROKER_CLUSTER_INFO", () -> RemotingCommand.request(
            RequestCode.GET_BROKER_CLUSTER_INFO, directOnly ? new GetBrokerClusterInfoRequestHeader(true) : null));
        return ctx.bodies().decode(response.getBody(), ClusterInfo.class);
    }

    private static Set<BrokerMember> filtered(Set<BrokerMember> members, String onlyCluster) {
        if (onlyCluster == null) {
            return members;
        }
        Set<BrokerMember> kept = new TreeSet<>();
        members.stream().filter(m -> m.cluster().equals(onlyCluster)).forEach(kept::add);
        return kept;
    }

    private static void print(CommandContext ctx, List<View> views, List<Map<String, Object>> rows, int differ) {
        int cluster = width("#Cluster Name", rows, "cluster");
        int broker = width("#Broker Name", rows, "brokerName");
        int addr = width("#Addr", rows, "addr");
        StringBuilder header = new StringBuilder(String.format("%-" + cluster + "s  %-" + broker + "s  %-4s  %-" + addr
            + "s", "#Cluster Name", "#Broker Name", "#BID", "#Addr"));
        for (View v : views) {
            header.append("  ").append(String.format("%-" + Math.max(v.nameServer().length(), PROVISIONAL.length())
                + "s", v.nameServer()));
        }
        ctx.out().println(header.toString().stripTrailing());
        for (Map<String, Object> r : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + cluster + "s  %-" + broker + "s  %-4s  %-" + addr
                + "s", r.get("cluster"), r.get("brokerName"), r.get("brokerId"), r.get("addr")));
            @SuppressWarnings("unchecked")
            Map<String, String> cells = (Map<String, String>) r.get("nameServers");
            for (View v : views) {
                line.append("  ").append(String.format("%-" + Math.max(v.nameServer().length(), PROVISIONAL.length())
                    + "s", cells.get(v.nameServer())));
            }
            ctx.out().println(line.toString().stripTrailing());
        }
        for (View v : views) {
            if (v.error() != null) {
                ctx.out().printf("%s: FAILED, %s%n", v.nameServer(), v.error());
            }
        }
        ctx.out().printf("%d name server(s), %d broker(s), %s%n", views.size(), rows.size(),
            differ == 0 ? "every broker registered with every name server" : differ + " not registered with all of them");
    }

    private static int width(String header, List<Map<String, Object>> rows, String key) {
        int w = header.length();
        for (Map<String, Object> r : rows) {
            w = Math.max(w, String.valueOf(r.get(key)).length());
        }
        return w;
    }
}
