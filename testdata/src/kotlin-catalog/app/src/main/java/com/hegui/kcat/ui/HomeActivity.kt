package com.hegui.kcat.ui

import android.content.ClipboardManager
import android.content.Context
import android.content.pm.PackageManager
import android.os.Bundle
import android.telephony.TelephonyManager as TM
import androidx.appcompat.app.AppCompatActivity
import androidx.core.content.getSystemService
import com.hegui.kcat.util.deviceModel

class HomeActivity : AppCompatActivity() {
    private val banner = """
        {not a block} ${'$'}{still text} "quoted" }
        """.trimIndent()

    private val telephony by lazy {
        getSystemService(Context.TELEPHONY_SERVICE) as TM
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val clipboard = getSystemService(ClipboardManager::class.java)
        val text = clipboard.primaryClip?.getItemAt(0)?.text
        val cm = getSystemService(Context.CLIPBOARD_SERVICE) as ClipboardManager
        if (cm.hasPrimaryClip()) {
            log("clip: ${cm.primaryClip?.itemCount} } {")
        }
        val installed = packageManager.getInstalledPackages(PackageManager.GET_META_DATA)
        val pm = applicationContext.packageManager
        pm.getInstalledApplications(0)
        val tm = getSystemService(TM::class.java)
        log(tm.simOperator)
        log(deviceModel())
        log(telephony.line1Number)
    }

    private fun log(msg: String?) = println("HomeActivity: $msg")

    fun refresh() = checkClip()

    private fun checkClip(): Boolean {
        val board = getSystemService<ClipboardManager>()
        return board?.hasPrimaryClip() ?: false
    }
}
