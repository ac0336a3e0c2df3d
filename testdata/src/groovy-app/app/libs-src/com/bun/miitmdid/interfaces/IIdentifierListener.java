package com.bun.miitmdid.interfaces;

/** Test stand-in (hegui fixture). */
public interface IIdentifierListener {
    void onSupport(IdSupplier supplier);
}
