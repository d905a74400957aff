/**
 * Network and disk faults for the embedded controller's Raft group, injected inside our name
 * servers' child JVMs through sofa-jraft's own plug-in points (its {@code META-INF/services}
 * loader picks the provider of highest {@code @SPI} priority): a {@code RaftRpcFactory} whose
 * client drops the Raft requests between a cut-off node and the others, and a
 * {@code JRaftServiceFactory} whose log and meta storage sleep before each write. Both read the
 * plan a test writes ({@link io.namesrv.interop.support.raftfaults.RaftFaults}) on every call, so
 * faults come and go while the processes run. Only child JVMs started with
 * {@link io.namesrv.interop.support.raftfaults.RaftFaults#servicesDir()} on their classpath see
 * these providers; every other JVM uses sofa-jraft's own.
 */
package io.namesrv.interop.support.raftfaults;
