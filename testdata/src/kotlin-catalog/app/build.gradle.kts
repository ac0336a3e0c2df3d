plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
}

android {
    namespace = "com.hegui.kcat"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.hegui.kcat"
        minSdk = libs.versions.minSdk.get().toInt()
        targetSdk = 34
        versionCode = 7
        versionName = "2.1.0"
        manifestPlaceholders["GETUI_APPID"] = "kcatGetuiAppId"
        manifestPlaceholders += mapOf("AMAP_KEY" to "amap-key-0001")
    }
}

dependencies {
    implementation(libs.androidx.core.ktx)
    implementation(libs.bundles.umeng)
    implementation(libs.getui.sdk)
    implementation(libs.tencent.bugly)
    releaseImplementation(libs.amap.location)
    implementation(platform(libs.firebase.bom))
    implementation(libs.firebase.analytics)
    implementation(Deps.okhttp)
    "implementation"("com.tencent.mm.opensdk:wechat-sdk-android:6.8.24")
    implementation(group = "com.huawei.hms", name = "push", version = "6.12.0.300")
    testImplementation(libs.junit)
}
