pluginManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "KotlinCatalog"
include(":app")
