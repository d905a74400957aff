package io.namesrv.cli;

import java.util.List;

/** Every mqadmin subcommand, in the order {@code mqadmin help} lists them. */
public final class SubCommands {

    private SubCommands() {
    }

    public static List<SubCommand> all() {
        return List.of(
            new ClusterListCommand(),
            new BrokerLivenessCommand(),
            new CompareNamesrvCommand(),
            new TopicListCommand(),
            new TopicRouteCommand(),
            new TopicClusterListCommand(),
            new DeleteTopicCommand(),
            new GetNamesrvConfigCommand(),
            new UpdateNamesrvConfigCommand(),
            new UpdateKvConfigCommand(),
            new DeleteKvConfigCommand(),
            new GetKvConfigCommand(),
            new GetKvListCommand(),
            new UpdateOrderConfCommand(),
            WritePermCommand.wipe(),
            WritePermCommand.add(),
            new UpdateTopicCommand(),
            new UpdateTopicPermCommand(),
            new TopicStatusCommand(),
            new BrokerStatusCommand(),
            new GetBrokerConfigCommand(),
            new UpdateBrokerConfigCommand(),
            new AllocateMqCommand(),
            new GetControllerMetaDataCommand(),
            new GetSyncStateSetCommand(),
            new GetBrokerEpochCommand(),
            new ElectMasterCommand(),
            new CleanBrokerMetadataCommand(),
            new GetControllerConfigCommand(),
            new UpdateControllerConfigCommand());
    }
}
