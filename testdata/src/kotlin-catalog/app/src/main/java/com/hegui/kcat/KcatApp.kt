package com.hegui.kcat

import android.app.Application
import com.igexin.sdk.PushManager
import com.tencent.bugly.crashreport.CrashReport
import com.umeng.commonsdk.UMConfigure

class KcatApp : Application() {
    override fun onCreate() {
        super.onCreate()
        instance = this
        UMConfigure.preInit(this, "kcat-umeng-key", "official")
        if (PrivacyStore.agreed(this)) {
            initSdks()
        }
    }

    private fun initSdks() {
        PushManager.getInstance().initialize(this)
        CrashReport.initCrashReport(applicationContext, "kcat-bugly", false)
    }

    companion object {
        lateinit var instance: KcatApp
    }
}

object PrivacyStore {
    fun agreed(app: Application): Boolean =
        app.getSharedPreferences("privacy", 0).getBoolean("agreed", false)
}
