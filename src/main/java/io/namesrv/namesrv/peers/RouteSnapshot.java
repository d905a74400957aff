package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.RouteImage;

/** A route snapshot as read from or written to disk: the table's image and when it was taken. */
record RouteSnapshot(long writtenAt, RouteImage image) {
}
