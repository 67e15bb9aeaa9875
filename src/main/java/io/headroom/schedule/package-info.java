/** Recurring times (cron in a time zone) that scaling floors and scheduled experiments share. */
package io.headroom.schedule;
