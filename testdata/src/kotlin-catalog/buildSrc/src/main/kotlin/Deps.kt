object Deps {
    const val okhttp = "com.squareup.okhttp3:okhttp:4.12.0"
}
