package io.namesrv.namesrv.routeinfo;

/** The sizes of the route tables at one instant (read under one lock acquisition). */
public record RouteTableSizes(int clusters, int brokerGroups, int liveBrokers, int topics) {
}
