package com.bun.miitmdid.interfaces;

/** Test stand-in for the MSA OAID supplier interface (hegui fixture, not vendor code). */
public interface IdSupplier {
    boolean isSupported();
    String getOAID();
}
