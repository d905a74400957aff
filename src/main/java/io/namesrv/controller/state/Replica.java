package io.namesrv.controller.state;

/**
 * One broker of a group as the controller knows it: the id it applied for, its address and the
 * check code ({@code ip:port;millis}) it applied with, which tells a re-apply from a clash.
 */
public record Replica(long brokerId, String address, String registerCheckCode) {

    Replica withAddress(String newAddress) {
        return new Replica(brokerId, newAddress, registerCheckCode);
    }
}
