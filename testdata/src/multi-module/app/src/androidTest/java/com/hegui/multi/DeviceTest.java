package com.hegui.multi;

import android.accounts.AccountManager;

public class DeviceTest {
    void accounts(AccountManager am) {
        am.getAccounts();
    }
}
