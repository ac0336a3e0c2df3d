package com.hegui.kcat.util

import android.content.Context
import android.os.Build
import android.provider.Settings

fun deviceModel(): String = Build.MODEL

fun androidId(context: Context): String =
    Settings.Secure.getString(context.contentResolver, "android_id")

object DeviceIds {
    fun serial(): String = Build.getSerial()
}
