class Meeting {
    String spaced() {
        String mn = "857-4606-5432"; // must-fire
        return mn;
    }

    String digits() {
        String mn = "857-4606-5432".replaceAll("\\D", ""); // must-not-fire
        return mn;
    }
}
